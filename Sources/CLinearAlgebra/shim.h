#ifndef CLINEARALGEBRA_SHIM_H
#define CLINEARALGEBRA_SHIM_H
// The only C the project touches: OpenBLAS's CBLAS (which also declares openblas_* controls)
// and netlib LAPACKE (whose LAPACK calls resolve to OpenBLAS through Debian's alternatives).
#include <cblas.h>
#include <lapacke.h>
#endif
