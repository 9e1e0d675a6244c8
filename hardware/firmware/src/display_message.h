// The retained `display` message (src/Contracts/Payloads/Lifecycle/DisplayMessage.cs) and the edge's `status`
// message as the sign reads them: bounded fixed-size fields, no heap, clear errors.
#pragma once

#include <cstddef>
#include <cstdint>

#include "colour.h"
#include "room_state.h"

namespace liveroom::sign {

/// DisplayMessage.MaxBytes: a longer payload is refused before it is read.
constexpr std::size_t kMaxMessageBytes = 512;

/// The only schema version this firmware reads ("v").
constexpr std::int64_t kSchemaVersion = 1;

/// Room for a human-readable error ("display: byte 57: message ends inside a string (truncated?)").
constexpr std::size_t kErrorCapacity = 128;

/// One display message. Text fields are NUL-terminated valid UTF-8; a value too long for its field is cut on a
/// character boundary and ends with "…" (the edge already keeps the whole message under 512 bytes).
struct DisplayMessage {
  std::int64_t version = 0;
  RoomState state = RoomState::kUnknown;
  char code[24] = {};      ///< "s" as sent
  char chinese[48] = {};   ///< "zh", or the built-in word when absent
  char english[48] = {};   ///< "en", or the built-in word when absent
  Rgb colour{};            ///< "c", or the built-in colour when absent or not 6 hex digits
  bool colour_from_message = false;
  char title[160] = {};    ///< "t"
  char host[64] = {};      ///< "h"
  char when[64] = {};      ///< "w"
  char next[160] = {};     ///< "n"
  char message[160] = {};  ///< "m"
  bool on_air = false;     ///< "air"
  std::int64_t ts = 0;     ///< "ts", UTC Unix seconds (0 when absent)
  bool truncated = false;  ///< some text was cut to fit its field
  bool repaired = false;   ///< some text had bad UTF-8 or control characters, replaced
};

/// Parses data[0..length). On success returns true and fills *out. On failure returns false, writes the reason
/// into error[0..error_cap) and leaves *out in an unspecified state (parse into a scratch copy).
/// Rules: at most 512 bytes; a JSON object; "v" must be 1, "s" a non-empty string and "air" a boolean; the other
/// known keys are optional (null counts as absent) but must have their type; unknown keys are skipped whatever
/// their value; a known key may appear once.
bool ParseDisplayMessage(const char* data, std::size_t length, DisplayMessage* out, char* error, std::size_t error_cap);

enum class EdgeStatus { kUnknown, kOnline, kOffline };

/// Parses the edge's `status` message ({"status":"online"|"offline",...}); other keys are skipped.
bool ParseStatusMessage(const char* data, std::size_t length, EdgeStatus* out, char* error, std::size_t error_cap);

}  // namespace liveroom::sign
