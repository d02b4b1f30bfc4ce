/** The glue the upload routes share: which posts are multipart, and which reader errors become answers. */
import { describe, expect, it } from "vitest";
import { isMultipart, MalformedUploadError, settleUpload, UploadTooLargeError } from "~/http/upload.server";

const post = (type: string | null) => new Request("http://x/", { method: "POST", headers: type === null ? {} : { "Content-Type": type } });

describe("isMultipart", () => {
  it.each([
    ["multipart/form-data; boundary=----x", true],
    ["Multipart/Form-Data ; boundary=x", true],
    ["application/x-www-form-urlencoded", false],
    ["multipart/mixed; boundary=x", false],
    ["", false],
    [null, false],
  ] as const)("%s → %s", (type, multipart) => {
    expect(isMultipart(post(type))).toBe(multipart);
  });
});

describe("settleUpload", () => {
  it("passes the reader's result through", async () => {
    await expect(settleUpload(Promise.resolve({ tempPath: "a" }))).resolves.toEqual({ tempPath: "a" });
  });
  it("hands back a too-large or malformed upload as a value, for the route to answer 413 / 400", async () => {
    const big = new UploadTooLargeError("big");
    const bad = new MalformedUploadError("bad");
    await expect(settleUpload(Promise.reject(big))).resolves.toBe(big);
    await expect(settleUpload(Promise.reject(bad))).resolves.toBe(bad);
  });
  it("still throws anything else (a disk error is not the visitor's fault)", async () => {
    await expect(settleUpload(Promise.reject(new Error("EIO")))).rejects.toThrow("EIO");
  });
});
