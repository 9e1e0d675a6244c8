// Colour of the door sign: the display message's 6-hex-digit RGB, a text colour that stays readable on it,
// and the conversions the LED panel needs.
#pragma once

#include <cstdint>

namespace liveroom::sign {

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;

  friend bool operator==(Rgb a, Rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; }
  friend bool operator!=(Rgb a, Rgb b) { return !(a == b); }
};

/// Parses exactly 6 hex digits ("e8590c", case-insensitive; a leading '#' is tolerated). False otherwise.
bool ParseHexColour(const char* text, Rgb* out);

/// Black or white, whichever reads better on background (Rec. 709 luma of the sRGB values, threshold 150).
Rgb TextColourOn(Rgb background);

/// 16-bit 5-6-5 value used by Adafruit-GFX-style panel drivers.
std::uint16_t ToRgb565(Rgb colour);

}  // namespace liveroom::sign
