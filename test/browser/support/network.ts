import type { BrowserContext, CDPSession, Page } from "playwright-core";

/**
 * Records the responses of `page` that came over the network, not from
 * Chromium's caches: CDP reports a memory-cache hit with
 * requestServedFromCache and a disk-cache hit with fromDiskCache.
 */
export async function networkFetches(context: BrowserContext, page: Page, wanted: (url: string) => boolean) {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const servedFromCache = new Set<string>();
  const fromNetwork: string[] = [];
  cdp.on("Network.requestServedFromCache", (e) => servedFromCache.add(e.requestId));
  cdp.on("Network.responseReceived", (e) => {
    if (wanted(e.response.url) && !e.response.fromDiskCache && !servedFromCache.has(e.requestId)) fromNetwork.push(e.response.url);
  });
  return { fromNetwork, stop: () => cdp.detach() };
}
