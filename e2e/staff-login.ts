/** Where e2e/auth.setup.ts saves each staff role's signed-in browser state (git-ignored). */
export const staffLogin = {
  editor: "e2e/.auth/editor.json",
  admin: "e2e/.auth/admin.json",
} as const;
