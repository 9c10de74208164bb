import { buildIfNeeded } from "./build-if-needed";
import { requireValidEnvironment } from "~/server/env";
import { serve } from "./serve";

requireValidEnvironment();
(process.env as Record<string, string>).NODE_ENV = "production";
buildIfNeeded();
await serve({ dev: false });
