#ifndef TENANTPLAN_CLIBYAML_SHIM_H
#define TENANTPLAN_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
