// Display messages for the tests, shaped like the edge's (src/Contracts/Payloads/Lifecycle/DisplayMessage.cs).
#pragma once

#include <string>

namespace liveroom::sign::testing {

/// The example from hardware/README.md: not ready, uplink too slow.
inline const std::string kNotReadyExample =
    R"({"v":1,"s":"not-ready","zh":"未就绪","en":"NOT READY","c":"e8590c","t":"春季新品专场","h":"李娜",)"
    R"("w":"14:00–16:00","n":"16:30 晚间专场","m":"uplink 2.1 Mbit/s","air":false,"ts":1795420800})";

/// A minimal message for state code s.
inline std::string Minimal(const std::string& s, bool air) {
  return std::string(R"({"v":1,"s":")") + s + R"(","air":)" + (air ? "true" : "false") + "}";
}

inline const std::string kOfflineWill = R"({"v":1,"site":"sh","room":"r1","status":"offline","ts":0,"seq":7})";
inline const std::string kOnline = R"({"v":1,"site":"sh","room":"r1","status":"online","ts":1795420800000,"seq":8})";

}  // namespace liveroom::sign::testing
