// unzipper is exceljs's own zip reader (a dependency of exceljs 4.4.0) and ships no types. lib/import/read-xlsx.ts
// uses its central-directory reader, described here as far as it is used.
declare module "unzipper" {
  import type { Readable } from "node:stream";

  /** One entry of the zip's central directory; `stream()` inflates it as it is read. */
  export type CentralDirectoryFile = {
    path: string;
    type: "File" | "Directory";
    /** As the central directory declares it: a zip bomb may lie, so the bytes are counted as they stream too. */
    uncompressedSize: number;
    compressedSize: number;
    stream(password?: string): Readable;
  };

  export const Open: {
    buffer(data: Buffer): Promise<{ files: CentralDirectoryFile[] }>;
  };
}
