#include "colour.h"

namespace liveroom::sign {
namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool ParseHexColour(const char* text, Rgb* out) {
  if (text == nullptr) {
    return false;
  }
  if (text[0] == '#') {
    ++text;
  }
  int v[6];
  for (int i = 0; i < 6; ++i) {
    v[i] = Hex(text[i]);  // stops at the NUL: Hex('\0') is -1
    if (v[i] < 0) {
      return false;
    }
  }
  if (text[6] != '\0') {
    return false;
  }
  out->r = static_cast<std::uint8_t>(v[0] * 16 + v[1]);
  out->g = static_cast<std::uint8_t>(v[2] * 16 + v[3]);
  out->b = static_cast<std::uint8_t>(v[4] * 16 + v[5]);
  return true;
}

Rgb TextColourOn(Rgb background) {
  // Integer Rec. 709 luma: 2126 R + 7152 G + 722 B, scaled by 10000.
  const long luma = 2126L * background.r + 7152L * background.g + 722L * background.b;
  return luma >= 150L * 10000L ? Rgb{0, 0, 0} : Rgb{255, 255, 255};
}

std::uint16_t ToRgb565(Rgb colour) {
  return static_cast<std::uint16_t>(((colour.r & 0xF8u) << 8) | ((colour.g & 0xFCu) << 3) | (colour.b >> 3));
}

}  // namespace liveroom::sign
