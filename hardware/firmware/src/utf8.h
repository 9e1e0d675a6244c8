// Bounded UTF-8 helpers for the door sign (no heap, no Arduino dependency).
#pragma once

#include <cstddef>
#include <cstdint>

namespace liveroom::sign {

/// Replacement written for a byte sequence that is not valid UTF-8 (the sign's fonts always have '?').
constexpr char kReplacement = '?';

/// Length of the valid UTF-8 sequence starting at data[0] (1..4), or 0 when it is invalid or cut off
/// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t Utf8SequenceLength(const unsigned char* data, std::size_t available);

/// Appends code point cp as UTF-8 to out[0..cap) at *used, if it fits whole; returns false when it does not.
bool AppendCodePoint(std::uint32_t cp, char* out, std::size_t cap, std::size_t* used);

/// True when text[0..length) is valid UTF-8.
bool IsValidUtf8(const char* text, std::size_t length);

}  // namespace liveroom::sign
