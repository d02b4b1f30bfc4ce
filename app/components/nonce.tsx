import { createContext, useContext } from "react";

/** The per-request CSP nonce (server only; browsers hide it from the DOM after load). */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
