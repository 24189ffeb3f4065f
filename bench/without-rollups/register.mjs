// `node --import tsx --import ./bench/without-rollups/register.mjs …`: the app with its scorecard
// rollups switched off, for measuring what maintaining them costs. Benchmarks only.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
