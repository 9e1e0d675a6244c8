// HUB75 rendering with ESP32-HUB75-MatrixPanel-DMA and U8g2 fonts through U8g2_for_Adafruit_GFX.
// Font: u8g2_font_wqy16_t_gb2312 (WenQuanYi 16 px, ASCII + the 6,763 GB2312 hanzi, ~230 KB of flash).
#if SIGN_HAS_MATRIX

#include "matrix_view.h"

#include <Arduino.h>
#include <ESP32-HUB75-MatrixPanel-I2S-DMA.h>
#include <U8g2_for_Adafruit_GFX.h>

#include <cstdio>

#include "text_fold.h"

namespace liveroom::sign {
namespace {

constexpr int kPanelSize = 64;
constexpr int kChain = 2;
constexpr int kWidth = kPanelSize * kChain;
constexpr int kTickerTop = 48;
constexpr std::uint32_t kHoldMs = 4000;     // a line that fits stays this long
constexpr std::uint32_t kScrollPxPerS = 32;  // a longer line scrolls at this speed
constexpr int kPinE = 32;                   // 64x64 panels need the E address line; 32 is free on an ESP32-DevKit

MatrixPanel_I2S_DMA* g_panel = nullptr;
GFXcanvas1 g_word(kWidth, 16);
U8G2_FOR_ADAFRUIT_GFX g_text;

// Copies of the frame's text, folded for the font, taken when the revision changes.
char g_chinese[48];
char g_english[48];
char g_lines[kMaxLines][kLineCapacity];
int g_line_count = 0;
std::uint32_t g_revision = UINT32_MAX;
int g_line = 0;
std::uint32_t g_line_started_ms = 0;

void CopyFolded(char* out, std::size_t cap, const char* text) {
  std::snprintf(out, cap, "%s", text == nullptr ? "" : text);
  FoldPunctuationForFont(out);
}

std::uint16_t Colour(Rgb c) { return ToRgb565(c); }

/// Draws text 16 px high with its top at `top`, centred; twice the size when it fits at 2x.
void DrawWord(const char* text, int top, std::uint16_t colour, bool allow_double) {
  g_text.begin(g_word);
  g_text.setFont(u8g2_font_wqy16_t_gb2312);
  g_text.setFontMode(1);
  g_text.setForegroundColor(1);
  g_word.fillScreen(0);
  const int width = g_text.getUTF8Width(text);
  g_text.drawUTF8(0, 16 + g_text.getFontDescent(), text);
  const int scale = (allow_double && width * 2 <= kWidth) ? 2 : 1;
  const int left = width * scale >= kWidth ? 0 : (kWidth - width * scale) / 2;
  const int y0 = top + (scale == 1 && allow_double ? 8 : 0);
  for (int y = 0; y < 16; ++y) {
    for (int x = 0; x < width && left + x * scale < kWidth; ++x) {
      if (g_word.getPixel(x, y)) {
        g_panel->fillRect(left + x * scale, y0 + y * scale, scale, scale, colour);
      }
    }
  }
}

void DrawTicker(std::uint32_t now_ms) {
  g_panel->fillRect(0, kTickerTop, kWidth, 16, 0);
  if (g_line_count == 0) {
    return;
  }
  g_text.begin(*g_panel);
  g_text.setFont(u8g2_font_wqy16_t_gb2312);
  g_text.setFontMode(1);
  g_text.setForegroundColor(0xFFFF);
  const char* line = g_lines[g_line];
  const int width = g_text.getUTF8Width(line);
  const std::uint32_t elapsed = now_ms - g_line_started_ms;
  const int baseline = kTickerTop + 16 + g_text.getFontDescent();
  bool done;
  if (width <= kWidth) {
    g_text.drawUTF8((kWidth - width) / 2, baseline, line);
    done = elapsed >= kHoldMs;
  } else {
    // Start with the line's beginning visible for a moment, then scroll it through.
    const int shift = elapsed < 1000 ? 0 : static_cast<int>((elapsed - 1000) * kScrollPxPerS / 1000);
    g_text.drawUTF8(-shift, baseline, line);
    done = shift > width;
  }
  if (done) {
    g_line = (g_line + 1) % g_line_count;
    g_line_started_ms = now_ms;
  }
}

}  // namespace

bool MatrixView::Begin(std::uint8_t brightness) {
  HUB75_I2S_CFG config(kPanelSize, kPanelSize, kChain);
  config.gpio.e = kPinE;
  config.double_buff = true;  // draw into the back buffer, flip when complete: no tearing while scrolling
  g_panel = new MatrixPanel_I2S_DMA(config);
  if (!g_panel->begin()) {
    return false;
  }
  g_panel->setBrightness8(brightness);
  g_panel->clearScreen();
  g_panel->flipDMABuffer();
  return true;
}

void MatrixView::Draw(const Frame& frame, std::uint32_t revision, std::uint32_t now_ms) {
  if (g_panel == nullptr) {
    return;
  }
  if (revision != g_revision) {
    g_revision = revision;
    CopyFolded(g_chinese, sizeof g_chinese, frame.chinese);
    CopyFolded(g_english, sizeof g_english, frame.english);
    g_line_count = frame.line_count;
    for (int i = 0; i < frame.line_count; ++i) {
      CopyFolded(g_lines[i], sizeof g_lines[i], frame.lines[i]);
    }
    g_line = 0;
    g_line_started_ms = now_ms;
  }
  const std::uint16_t background = Colour(frame.background);
  const std::uint16_t text = Colour(frame.text);
  g_panel->fillRect(0, 0, kWidth, kTickerTop, background);
  DrawWord(g_chinese, 0, text, true);
  DrawWord(g_english, 32, text, false);
  DrawTicker(now_ms);
  g_panel->flipDMABuffer();
}

}  // namespace liveroom::sign

#endif  // SIGN_HAS_MATRIX
