/**
 * Renders the first pages of a PDF from memory onto canvases with pdf.js.
 * The CSP forbids workers (worker-src 'none'), so pdf.js runs its "worker"
 * on the page's own thread: the worker module is loaded as an ordinary
 * script from our origin and handed to pdf.js, which then never tries to
 * start a Worker. No fetch (no font or
 * cmap URLs, no WebAssembly decoders), no embedded fonts installed in the
 * page (glyphs are drawn as paths). pdf.js is loaded only when a PDF is
 * previewed, so it does not weigh on the first screen.
 */
export interface PdfPreview {
  pages: number;
  destroy(): Promise<void>;
}

export async function renderPdf(
  bytes: Uint8Array,
  container: HTMLElement,
  maxPages: number,
  label: (page: number) => string,
): Promise<PdfPreview> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.mjs'),
  ]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of the buffer: give it a copy, the caller keeps its bytes.
    data: bytes.slice(),
    useWasm: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    enableXfa: false,
  });
  const document = await task.promise;
  const count = Math.min(document.numPages, maxPages);
  for (let number = 1; number <= count; number += 1) {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1.3 });
    const canvas = window.document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label(number));
    canvas.className = 'pdf-page';
    container.append(canvas);
    await page.render({ canvas, viewport }).promise;
    page.cleanup();
  }
  return { pages: document.numPages, destroy: () => task.destroy() };
}
