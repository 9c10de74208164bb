import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export type Asset = { body: Uint8Array<ArrayBuffer>; contentType: string };

const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

/** The files each docs page may load, by URL name: only these are served, from the installed packages. */
const PACKAGE_FILES: Record<"swagger-ui" | "redoc", Record<string, { file: string; contentType: string }>> = {
  "swagger-ui": {
    "swagger-ui-bundle.js": { file: "swagger-ui-dist/swagger-ui-bundle.js", contentType: JS },
    "swagger-ui.css": { file: "swagger-ui-dist/swagger-ui.css", contentType: CSS },
    "favicon-32x32.png": { file: "swagger-ui-dist/favicon-32x32.png", contentType: "image/png" },
  },
  redoc: {
    "redoc.standalone.js": { file: "redoc/bundles/redoc.standalone.js", contentType: JS },
  },
};

export type DocsPage = keyof typeof PACKAGE_FILES;

// Resolved from the project root at run time: the bundled server code has no useful module location.
const requireFromProject = () => createRequire(join(process.cwd(), "package.json"));

const cache = new Map<string, Asset>();

/** A docs page's static file, read once; undefined for a name the page does not use. */
export function packageAsset(page: DocsPage, name: string): Asset | undefined {
  const spec = Object.hasOwn(PACKAGE_FILES[page], name) ? PACKAGE_FILES[page][name] : undefined;
  if (!spec) return undefined;
  let asset = cache.get(spec.file);
  if (!asset) {
    const [packageName, ...rest] = spec.file.split("/");
    const packageDir = dirname(requireFromProject().resolve(`${packageName}/package.json`));
    asset = { body: new Uint8Array(readFileSync(join(packageDir, ...rest))), contentType: spec.contentType };
    cache.set(spec.file, asset);
  }
  return asset;
}
