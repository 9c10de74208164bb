import { requireValidEnvironment } from "~/server/env";
import { serve } from "./serve";

requireValidEnvironment();
await serve({ dev: true });
