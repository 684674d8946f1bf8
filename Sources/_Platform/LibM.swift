// LibM.swift: the one place that knows which C library provides the math functions.
//
// Every module that calls libm (exp, log1p, lgamma, erf, nextafter, …) imports `_Platform`
// instead of Foundation or a per-platform `#if canImport(Glibc) … Musl … Darwin` block. The
// functions are the C library's own, so results are bit-identical to calling it directly.
// Where a type's own member hides a C function (`SpecialFunctions.erf`, a sampler's `log`),
// call sites name it `_Platform.erf(x)`, whichever C library module provides it.

#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Musl)
  @_exported import Musl
#elseif canImport(Darwin)
  @_exported import Darwin
#else
  #error("_Platform: no C library module (Glibc, Musl or Darwin) for libm")
#endif
