/**
 * The browser gets no dictionary up front (issue #18): the server notes the messages a render looks
 * up and sends them with the page; in the browser a message the page did not bring suspends the
 * render until the language's dictionary is loaded.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { pl } from "~/i18n/pl";
import { uk } from "~/i18n/uk";

afterEach(() => {
  vi.doUnmock("~/i18n/dictionaries.server");
  vi.resetModules();
});

/** ~/i18n as the browser build sees it: the *.server module empty. */
async function browserI18n() {
  vi.resetModules();
  vi.doMock("~/i18n/dictionaries.server", () => ({ serverDictionaries: undefined }));
  return import("~/i18n");
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("in the browser", () => {
  it("translates the messages the page brought, and suspends on any other until the dictionary is here", async () => {
    const i18n = await browserI18n();
    i18n.registerMessages("uk", { "site.name": uk["site.name"], "nav.districts": uk["nav.districts"] });
    const { t } = i18n.getTranslator("uk");
    expect(t("site.name")).toBe(uk["site.name"]);
    expect(i18n.hasAllMessages("uk")).toBe(false);
    const suspended = thrown(() => t("nav.archive"));
    expect(suspended).toBeInstanceOf(Promise);
    await suspended;
    expect(i18n.hasAllMessages("uk")).toBe(true);
    expect(t("nav.archive")).toBe(uk["nav.archive"]);
    // only the language asked for was loaded
    expect(i18n.hasAllMessages("pl")).toBe(false);
    expect(i18n.hasAllMessages("en")).toBe(false);
  });

  it("picks plural forms from the forms the page brought, and waits when it brought none", async () => {
    const i18n = await browserI18n();
    const forms = Object.fromEntries(Object.entries(pl).filter(([k]) => k.startsWith("districts.proposals.")));
    expect(Object.keys(forms).length).toBeGreaterThan(1);
    i18n.registerMessages("pl", forms);
    const { tn } = i18n.getTranslator("pl");
    expect(tn("districts.proposals", 1)).toBe(pl["districts.proposals.one"].replace("{count}", "1"));
    expect(tn("districts.proposals", 5)).toBe(pl["districts.proposals.many"].replace("{count}", "5"));
    expect(thrown(() => tn("filter.found", 2))).toBeInstanceOf(Promise);
  });

  it("loads a language once, however many renders wait for it", async () => {
    const i18n = await browserI18n();
    expect(i18n.loadMessages("en")).toBe(i18n.loadMessages("en"));
    await i18n.loadMessages("en");
    expect(i18n.getTranslator("en").t("site.name")).toBe("Gdynia Participatory Budget");
  });
});

describe("when the dictionary cannot be loaded", () => {
  it("fails the waiting render (to the error boundary) instead of waiting for ever, and tries again later", async () => {
    vi.resetModules();
    vi.doMock("~/i18n/dictionaries.server", () => ({ serverDictionaries: undefined }));
    let fail = true;
    vi.doMock("~/i18n/en", async (original) => {
      if (fail) throw new Error("offline");
      return original();
    });
    const i18n = await import("~/i18n");
    i18n.registerMessages("en", { "site.name": "Gdynia Participatory Budget" });
    const { t } = i18n.getTranslator("en");
    await thrown(() => t("nav.archive"));
    expect(thrown(() => t("nav.archive"))).toBeInstanceOf(Error);
    expect(t("site.name")).toBe("Gdynia Participatory Budget");
    fail = false;
    await i18n.loadMessages("en");
    expect(t("nav.archive")).toBe("Archive");
    vi.doUnmock("~/i18n/en");
  });
});

describe("on the server", () => {
  it("notes the messages a render looks up, in the render's own request, across scheduled work", async () => {
    const { getTranslator } = await import("~/i18n");
    const { collectPageMessages, pageMessagesBlock, withPageMessages } = await import("~/i18n/page-messages.server");
    const render = (locale: "pl" | "uk", key: "nav.city" | "nav.archive") =>
      collectPageMessages(
        () =>
          new Promise<string>((resolve) =>
            setImmediate(() => {
              const { t, tn } = getTranslator(locale);
              resolve(`${t("site.name")} ${t(key)} ${tn("districts.proposals", 2)}`);
            }),
          ),
      );
    // two requests at once: each notes only its own
    const a = render("pl", "nav.city");
    const b = render("uk", "nav.archive");
    await Promise.all([a.result, b.result]);
    expect([...a.used.keys()]).toEqual(["pl"]);
    expect([...a.used.get("pl")!]).toEqual(expect.arrayContaining(["site.name", "nav.city", "districts.proposals.few", "districts.proposals.other"]));
    expect(a.used.get("pl")!.has("nav.archive")).toBe(false);
    expect([...b.used.keys()]).toEqual(["uk"]);
    expect(b.used.get("uk")!.has("nav.archive")).toBe(true);
    // every plural form of a plural message goes with the page
    for (const k of Object.keys(pl).filter((k) => k.startsWith("districts.proposals."))) expect(a.used.get("pl")!.has(k)).toBe(true);

    const block = pageMessagesBlock(new Map([["pl", new Set(["site.name"])]]));
    expect(block).toBe(`<script type="application/json" id="bo-i18n">{"pl":{"site.name":${JSON.stringify(pl["site.name"])}}}</script>`);
    const html = withPageMessages(Buffer.from("<html><body><p>x</p></body></html>"), a.used).toString();
    expect(html).toMatch(/<p>x<\/p><script type="application\/json" id="bo-i18n">\{"pl":\{.*\}\}<\/script><\/body><\/html>$/);
    expect(JSON.parse(html.slice(html.indexOf("{"), html.lastIndexOf("</script>"))).pl["nav.city"]).toBe(pl["nav.city"]);
  });

  it("keeps the block inert inside HTML", async () => {
    const { jsonInHtml } = await import("~/i18n/page-messages.server");
    const data = { pl: { "x.y": "</script><script>alert(1)</script> <!-- ą" } };
    const json = jsonInHtml(data);
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual(data);
  });
});
