import { afterEach, describe, expect, it } from "vitest";
import { clientAddressHeader } from "@/lib/http/incoming";
import { clientAddressOf } from "@/lib/auth/sign-in";

// The address the sign-in throttle counts by (lib/auth/sign-in.ts). `clientAddressHeader` is what the app's server
// (scripts/serve.ts) writes from the socket; X-Forwarded-For is the client's to write unless proxies are trusted.

const previous = process.env.TRUSTED_PROXY;
afterEach(() => {
  if (previous === undefined) delete process.env.TRUSTED_PROXY;
  else process.env.TRUSTED_PROXY = previous;
});

describe("clientAddressOf with no trusted proxy (the default)", () => {
  it("is the socket's address the server wrote, whatever X-Forwarded-For the client sent", () => {
    delete process.env.TRUSTED_PROXY;
    expect(clientAddressOf({ [clientAddressHeader]: "198.51.100.7", "x-forwarded-for": "203.0.113.9" })).toBe("198.51.100.7");
    // Rotating the header changes nothing: every attempt counts for the same address.
    const rotated = ["203.0.113.1", "203.0.113.2", "10.0.0.1, 203.0.113.3"].map((forwarded) =>
      clientAddressOf({ [clientAddressHeader]: "198.51.100.7", "x-forwarded-for": forwarded }),
    );
    expect(new Set(rotated)).toEqual(new Set(["198.51.100.7"]));
    expect(clientAddressOf({ "x-forwarded-for": "203.0.113.9" })).toBe("unknown");
  });

  it("reads the socket's forms of an address, and counts anything else as unknown", () => {
    expect(clientAddressOf({ [clientAddressHeader]: "::ffff:127.0.0.1" }, 0)).toBe("127.0.0.1");
    expect(clientAddressOf({ [clientAddressHeader]: "2001:db8:a:b:1:2:3:4" }, 0)).toBe("2001:db8:a:b::/64");
    expect(clientAddressOf({ [clientAddressHeader]: "::1" }, 0)).toBe("0:0:0:0::/64");
    expect(clientAddressOf({}, 0)).toBe("unknown");
    expect(clientAddressOf(undefined, 0)).toBe("unknown");
    expect(clientAddressOf({ [clientAddressHeader]: "not an address" }, 0)).toBe("unknown");
    expect(clientAddressOf({ [clientAddressHeader]: ["198.51.100.7", "203.0.113.9"] }, 0)).toBe("unknown");
    expect(clientAddressOf({ [clientAddressHeader]: "1".repeat(20_000) }, 0)).toBe("unknown");
    expect(clientAddressOf({ [clientAddressHeader]: { toString: () => "198.51.100.7" } }, 0)).toBe("unknown");
  });
});

describe("clientAddressOf behind trusted proxies (TRUSTED_PROXY=n)", () => {
  it("takes the entry n places from the right of X-Forwarded-For, never one the client put before it, else the socket's", () => {
    process.env.TRUSTED_PROXY = "1";
    const socket = { [clientAddressHeader]: "10.0.0.2" };
    expect(clientAddressOf({ ...socket, "x-forwarded-for": "203.0.113.9, 198.51.100.7" })).toBe("198.51.100.7");
    expect(clientAddressOf({ ...socket, "x-forwarded-for": "198.51.100.7:51234" })).toBe("198.51.100.7");
    // A repeated header reaches the app as several values, in order.
    expect(clientAddressOf({ ...socket, "x-forwarded-for": ["203.0.113.9", "198.51.100.7"] })).toBe("198.51.100.7");
    // IPv6 counts by its /64 network: one client usually holds the whole of it.
    expect(clientAddressOf({ ...socket, "x-forwarded-for": "2001:db8:a:b:1:2:3:4" })).toBe("2001:db8:a:b::/64");
    expect(clientAddressOf({ ...socket, "x-forwarded-for": "[2001:db8::1]:443" })).toBe("2001:db8:0:0::/64");
    expect(clientAddressOf({ ...socket, "x-forwarded-for": "not an address" })).toBe("unknown");
    // A request that reached the app without passing a proxy: the socket's address.
    expect(clientAddressOf(socket)).toBe("10.0.0.2");
    expect(clientAddressOf({ ...socket, "x-forwarded-for": " , " })).toBe("10.0.0.2");
    process.env.TRUSTED_PROXY = "2";
    expect(clientAddressOf({ ...socket, "x-forwarded-for": "203.0.113.9, 198.51.100.7, 10.0.0.2" })).toBe("198.51.100.7");
  });
});
