/** The largest server action body the server accepts (next.config.ts), which the staff form checks before it sends. */
export const actionBodyLimit = { bytes: 1024 * 1024, text: "1mb" } as const;

/**
 * What a form may hold before the staff form refuses to send it: the limit less room for what the browser
 * adds around the fields (multipart boundaries, the action's id and bound arguments).
 */
export const formDataLimitBytes = actionBodyLimit.bytes - 32 * 1024;

/** The byte size of a form's fields as they would be sent: names and values in UTF-8, files by their size. */
export function formDataBytes(data: FormData): number {
  const encoder = new TextEncoder();
  let total = 0;
  for (const [name, value] of data.entries()) {
    total += encoder.encode(name).length + (typeof value === "string" ? encoder.encode(value).length : value.size);
  }
  return total;
}

/** The largest spreadsheet an import takes (lib/import/sheet.ts), and the upload's body with its envelope. */
export const importFileBytes = 20 * 1024 * 1024;
export const importUploadBodyBytes = importFileBytes + 64 * 1024;
