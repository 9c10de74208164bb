import { handleApiRequest } from "~/server/api/rest/handler";

export const dynamic = "force-dynamic";

export {
  handleApiRequest as GET,
  handleApiRequest as POST,
  handleApiRequest as PUT,
  handleApiRequest as PATCH,
  handleApiRequest as DELETE,
  handleApiRequest as HEAD,
  handleApiRequest as OPTIONS,
};
