// Counts global operator new calls, so tests can show the sign's code never allocates.
#pragma once

#include <cstddef>

namespace liveroom::sign::testing {

std::size_t HeapAllocations();

}  // namespace liveroom::sign::testing
