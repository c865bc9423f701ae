// Renders a Vega-Lite spec to SVG in Node (no browser, no canvas: vega's headless renderer).
// vega and vega-lite are imported only here, only when --plot is given.
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const [vegaLite, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
