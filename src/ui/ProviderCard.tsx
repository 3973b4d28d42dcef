import { useLayoutEffect, useRef } from 'react';
import type { VerdictView } from '@/src/core/verdict-view';
import { providerCard } from './card';

/** The provider card in React: a host for the framework-free card (src/ui/card.ts), which the popup also paints before React loads. */
export function ProviderCard({ view, locale }: { view: VerdictView & { approved?: boolean }; locale: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    host.current?.replaceChildren(providerCard(view, locale));
  }, [view, locale]);
  return <div ref={host} className="card-host" />;
}
