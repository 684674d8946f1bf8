#ifndef CREADSTAT_SHIM_H
#define CREADSTAT_SHIM_H
// ReadStat (Debian: libreadstat-dev): the readers of SPSS .sav/.zsav, Stata .dta and SAS
// .sas7bdat files that only StatisticalFiles uses.
#include <readstat.h>
#endif
