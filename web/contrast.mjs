// Colour arithmetic for embeds (presentation only, no rule): parse a hex colour, WCAG 2.2
// contrast, and the nearest colour that keeps 4.5:1 on the embed's background. The embed page
// (embed-frame.mjs) and the embed builder (embed-builder.mjs) both use it, so the preview, the
// builder's notice and the frame agree.

export const MIN_CONTRAST = 4.5;
// The embed page's backgrounds, set by embed-frame.mjs as --md-default-bg-color.
export const BACKGROUND = { light: "#ffffff", dark: "#1e2129" };

/** [r, g, b] from "#1d70b8", "1d70b8", "#17b" or "17b"; null for anything else. */
export function parseHex(text) {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(text ?? "").trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

export function toHex(rgb) {
  return "#" + rgb.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
}

function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The accent to use on `theme`'s background: `accent` itself when it reaches 4.5:1, otherwise
 *  the first colour on the way to black (light) or white (dark) that does. */
export function usableAccent(accent, theme = "light") {
  const bg = parseHex(BACKGROUND[theme] || BACKGROUND.light);
  const target = theme === "dark" ? [255, 255, 255] : [0, 0, 0];
  for (let step = 0; step <= 100; step++) {
    const t = step / 100;
    const rgb = accent.map((v, i) => Math.round(v + (target[i] - v) * t));
    if (contrast(rgb, bg) >= MIN_CONTRAST) {
      return { rgb, hex: toHex(rgb), changed: step > 0, ratio: contrast(rgb, bg) };
    }
  }
  return { rgb: target, hex: toHex(target), changed: true, ratio: contrast(target, bg) };
}
