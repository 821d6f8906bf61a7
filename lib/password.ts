import argon2 from "argon2";

// Kept apart from lib/auth.ts so that scripts can hash passwords without loading next-auth.

/** The one way staff passwords are hashed: argon2id. */
export function hashPassword(password: string) {
  return argon2.hash(password, { type: argon2.argon2id });
}

// Verified against when there is no user, so that an unknown email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** Whether `password` matches `hash`; with no hash (unknown user) it does the same work and answers false. */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("interregio-no-such-user");
  const valid = await argon2.verify(hash ?? (await dummyHash), password).catch(() => false);
  return valid && hash !== undefined;
}
