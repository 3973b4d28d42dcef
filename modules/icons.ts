import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Browser } from 'wxt/browser';
import { defineWxtModule } from 'wxt/modules';

/** Every size the stores and browsers ask for: toolbar 16/32, extensions page 48, Firefox add-ons manager 96, Chrome Web Store 128. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const TOOLBAR_SIZES = [16, 32] as const;
const SOURCE = 'assets/icon.svg';
// The navy rim vanishes on a dark toolbar; the Firefox variant draws it white.
const RIM = /(<g id="rim" fill=")#13294b(" stroke=")#13294b(")/;
const RIM_ON_DARK = '$1#ffffff$2#ffffff$3';

const iconPath = (size: number) => `icons/${size}.png`;
const darkToolbarIconPath = (size: number) => `icons/${size}-on-dark.png`;

/** Renders `svg` to a square PNG `size` pixels wide, straight from the vector at each size (no downscaling blur). */
export function renderIcon(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** The source icon with its rim recoloured for dark toolbars; throws if the source no longer has the rim it expects. */
export function darkToolbarVariant(svg: string): string {
  if (!RIM.test(svg)) throw new Error(`${SOURCE}: no <g id="rim"> in the expected colours to recolour for dark toolbars`);
  return svg.replace(RIM, RIM_ON_DARK);
}

/**
 * Renders the extension's icons from assets/icon.svg at every build (nothing generated is committed) and
 * declares them: WXT picks `icons/<size>.png` up as the manifest's icons; this module adds them to the
 * toolbar action and, for Firefox, the dark-toolbar variant as `theme_icons`.
 */
export default defineWxtModule({
  name: 'whose-cloud:icons',
  setup(wxt) {
    const outDir = resolve(wxt.config.wxtDir, 'icons');

    wxt.hooks.hook('build:publicAssets', (_wxt, files) => {
      const svg = readFileSync(resolve(wxt.config.root, SOURCE), 'utf8');
      const rendered: Array<[string, Buffer]> = ICON_SIZES.map((size) => [iconPath(size), renderIcon(svg, size)]);
      if (wxt.config.browser === 'firefox') {
        const onDark = darkToolbarVariant(svg);
        rendered.push(...TOOLBAR_SIZES.map((size): [string, Buffer] => [darkToolbarIconPath(size), renderIcon(onDark, size)]));
      }
      mkdirSync(join(outDir, 'icons'), { recursive: true });
      for (const [path, png] of rendered) {
        writeFileSync(join(outDir, path), png);
        files.push({ absoluteSrc: join(outDir, path), relativeDest: path });
      }
    });

    wxt.hooks.hook('build:manifestGenerated', (_wxt, manifest) => {
      const action = (manifest.action ?? manifest.browser_action) as (Browser.runtime.ManifestAction & { theme_icons?: unknown }) | undefined;
      if (!action) return;
      action.default_icon = Object.fromEntries(TOOLBAR_SIZES.map((size) => [size, iconPath(size)]));
      // Firefox's "light" icon is the one drawn on dark themes (light on dark), "dark" the one on light themes.
      if (wxt.config.browser === 'firefox') action.theme_icons = TOOLBAR_SIZES.map((size) => ({ light: darkToolbarIconPath(size), dark: iconPath(size), size }));
    });

    wxt.hooks.hook('prepare:publicPaths', (_wxt, paths) => {
      paths.push(...ICON_SIZES.map(iconPath));
    });
  },
});
