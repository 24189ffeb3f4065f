import { createContext, useContext } from 'react'

// The CSP nonce for this request, from the server's load context down to <Scripts>.
export const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
