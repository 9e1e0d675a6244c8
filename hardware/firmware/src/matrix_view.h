// Draws a Frame on a 128x64 HUB75 RGB LED matrix (two 64x64 panels chained). ESP32 + Arduino only.
#pragma once

#if SIGN_HAS_MATRIX

#include <cstdint>

#include "sign_model.h"

namespace liveroom::sign {

/// Layout (pixels): rows 0–31 the Chinese state word at 2x (32 px ≈ 96 mm on P3 panels), rows 32–47 the English
/// word, both on the state colour; rows 48–63 the ticker on black, one line at a time, long lines scrolling.
class MatrixView {
 public:
  /// Starts the panel DMA. False when the driver could not allocate its buffers.
  bool Begin(std::uint8_t brightness);

  /// Redraws the whole screen for now_ms (the ticker moves with time); call every ~30 ms.
  void Draw(const Frame& frame, std::uint32_t revision, std::uint32_t now_ms);
};

}  // namespace liveroom::sign

#endif  // SIGN_HAS_MATRIX
