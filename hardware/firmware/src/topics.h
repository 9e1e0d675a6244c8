// MQTT topic names the sign subscribes to, built the way src/Contracts/Topics/Topic.cs builds them.
#pragma once

#include <cstddef>

namespace liveroom::sign {

/// Same rule as the product's Identifier: 1–64 ASCII letters, digits, '-', '_', '.', starting with a letter or digit.
bool IsValidIdentifier(const char* value);

/// Writes "liveroom/v1/{site}/{room}/{channel}" into out[0..cap). False (out = "") when site or room is not a valid
/// identifier or the result does not fit.
bool BuildRoomTopic(const char* site, const char* room, const char* channel, char* out, std::size_t cap);

constexpr const char* kDisplayChannel = "display";
constexpr const char* kStatusChannel = "status";

/// Longest topic: "liveroom/v1/" + 64 + "/" + 64 + "/display" + NUL.
constexpr std::size_t kMaxTopicLength = 12 + 64 + 1 + 64 + 8 + 1;

}  // namespace liveroom::sign
