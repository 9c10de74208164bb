import { buildIfNeeded } from "./build-if-needed";
import { serve } from "./serve";

(process.env as Record<string, string>).NODE_ENV = "production";
buildIfNeeded();
await serve({ dev: false });
