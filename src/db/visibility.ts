/** Which copy of a blob a row reads (src/blobs/keys.ts Visibility); both schema files use it. */
export const blobVisibilities = ["public", "private"] as const;
