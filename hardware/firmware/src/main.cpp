// LiveRoom door sign / ON-AIR lamp: ESP32, Arduino framework, PubSubClient.
// Everything that decides what to show lives in the portable files (sign_model, display_message, ...), tested on
// the host by `make hardware-test`; this file only wires Wi-Fi, MQTT, the relay and the panel to it.
#include <Arduino.h>
#include <PubSubClient.h>
#include <WiFi.h>
#include <WiFiClientSecure.h>
#include <esp_idf_version.h>
#include <esp_task_wdt.h>
#include <time.h>

#include <cstdio>
#include <cstring>

#include "config.h"  // copy config.example.h
#include "sign_model.h"
#include "topics.h"
#if SIGN_HAS_MATRIX
#include "matrix_view.h"
#endif

#ifndef SIGN_HAS_MATRIX
#error "build with -DSIGN_HAS_MATRIX=0 or 1 (see platformio.ini)"
#endif
#ifndef SIGN_HAS_RELAY
#error "build with -DSIGN_HAS_RELAY=0 or 1 (see platformio.ini)"
#endif

using liveroom::sign::BuildRoomTopic;
using liveroom::sign::kDisplayChannel;
using liveroom::sign::kMaxTopicLength;
using liveroom::sign::kStatusChannel;
using liveroom::sign::SignModel;

namespace {

// A display message is at most 512 bytes; topic (<= 150) and MQTT header (<= 5) need the rest. A larger packet is
// dropped by PubSubClient before the model sees it; up to this size the model rejects it with a reason.
constexpr uint16_t kMqttBufferBytes = 1024;
constexpr uint16_t kKeepAliveSeconds = 10;  // a silent broker loss shows OFFLINE within ~2x this
constexpr uint16_t kSocketTimeoutSeconds = 5;
constexpr uint32_t kMaxBackoffMs = 30000;
constexpr uint32_t kWatchdogSeconds = 30;

SignModel g_model;
char g_display_topic[kMaxTopicLength];
char g_status_topic[kMaxTopicLength];
char g_client_id[160];
bool g_config_ok = false;

#if SIGN_MQTT_USE_TLS
WiFiClientSecure g_net;
#else
WiFiClient g_net;
#endif
PubSubClient g_mqtt(g_net);

bool g_connected = false;
uint32_t g_next_attempt_ms = 0;
uint32_t g_backoff_ms = 1000;
uint32_t g_logged_revision = 0;
char g_logged_error[liveroom::sign::kErrorCapacity] = "";

#if SIGN_HAS_MATRIX
liveroom::sign::MatrixView g_view;
#endif

void SetRelay(bool on) {
#if SIGN_HAS_RELAY
  const bool level = on == (SIGN_RELAY_ACTIVE_HIGH != 0);
  digitalWrite(SIGN_RELAY_PIN, level ? HIGH : LOW);
#else
  (void)on;
#endif
}

void OnMessage(char* topic, uint8_t* payload, unsigned int length) {
  const char* data = reinterpret_cast<const char*>(payload);
  if (std::strcmp(topic, g_display_topic) == 0) {
    g_model.OnDisplayPayload(data, length);
  } else if (std::strcmp(topic, g_status_topic) == 0) {
    g_model.OnStatusPayload(data, length);
  }
  SetRelay(g_model.relay_on());  // at once, not only at the end of loop()
}

void MarkDisconnected() {
  if (g_connected) {
    g_connected = false;
    g_model.OnConnectionLost();
    SetRelay(false);
    Serial.println("mqtt: connection lost");
  }
}

void KeepConnected(uint32_t now) {
  if (WiFi.status() != WL_CONNECTED) {
    MarkDisconnected();  // Wi-Fi reconnects by itself (setAutoReconnect)
    return;
  }
  if (g_mqtt.connected()) {
    return;
  }
  MarkDisconnected();
  if (static_cast<int32_t>(now - g_next_attempt_ms) < 0) {
    return;
  }
  if (g_mqtt.connect(g_client_id, SIGN_MQTT_USER, SIGN_MQTT_PASSWORD)) {
    // Forget the old room state first: the broker sends the retained status and display right after SUBSCRIBE.
    g_model.OnConnected();
    if (g_mqtt.subscribe(g_status_topic, 1) && g_mqtt.subscribe(g_display_topic, 1)) {
      g_connected = true;
      g_backoff_ms = 1000;
      Serial.printf("mqtt: connected as %s, subscribed to %s and %s\n", SIGN_MQTT_USER, g_display_topic, g_status_topic);
      return;
    }
    Serial.println("mqtt: subscribe failed");
    g_mqtt.disconnect();
    g_model.OnConnectionLost();
  } else {
    // state(): -2 network/TLS failure, 4 bad user name or password, 5 not authorised (see PubSubClient.h).
    Serial.printf("mqtt: connect to %s:%d failed (state %d), retry in %u ms\n", SIGN_MQTT_HOST, SIGN_MQTT_PORT,
                  g_mqtt.state(), static_cast<unsigned>(g_backoff_ms));
  }
  g_next_attempt_ms = now + g_backoff_ms;
  g_backoff_ms = g_backoff_ms * 2 > kMaxBackoffMs ? kMaxBackoffMs : g_backoff_ms * 2;
}

void LogChanges() {
  if (g_model.revision() != g_logged_revision) {
    g_logged_revision = g_model.revision();
    const auto& f = g_model.frame();
    Serial.printf("sign: %s / %s, lamp %s\n", f.chinese, f.english, f.relay_on ? "ON" : "off");
  }
  if (std::strcmp(g_model.last_error(), g_logged_error) != 0) {
    std::snprintf(g_logged_error, sizeof g_logged_error, "%s", g_model.last_error());
    if (g_logged_error[0] != '\0') {
      Serial.printf("sign: rejected: %s\n", g_logged_error);
    }
  }
}

void StartWatchdog() {
#if ESP_IDF_VERSION_MAJOR >= 5
  const esp_task_wdt_config_t config = {kWatchdogSeconds * 1000, 0, true};
  esp_task_wdt_reconfigure(&config);
#else
  esp_task_wdt_init(kWatchdogSeconds, true);
#endif
  esp_task_wdt_add(nullptr);
}

}  // namespace

void setup() {
#if SIGN_HAS_RELAY
  // Fail-safe first: the lamp is off from the first instruction until a valid "air":true arrives.
  digitalWrite(SIGN_RELAY_PIN, SIGN_RELAY_ACTIVE_HIGH ? LOW : HIGH);
  pinMode(SIGN_RELAY_PIN, OUTPUT);
  SetRelay(false);
#endif
  Serial.begin(115200);
  StartWatchdog();

  g_config_ok = BuildRoomTopic(SIGN_SITE, SIGN_ROOM, kDisplayChannel, g_display_topic, sizeof g_display_topic) &&
                BuildRoomTopic(SIGN_SITE, SIGN_ROOM, kStatusChannel, g_status_topic, sizeof g_status_topic);
  if (!g_config_ok) {
    Serial.println("config: SIGN_SITE / SIGN_ROOM must be 1-64 letters, digits, '-', '_', '.'; not connecting");
  }
  std::snprintf(g_client_id, sizeof g_client_id, "sign-%s-%s-%08x", SIGN_SITE, SIGN_ROOM,
                static_cast<unsigned>(ESP.getEfuseMac() & 0xffffffffu));

#if SIGN_HAS_MATRIX
  if (!g_view.Begin(SIGN_PANEL_BRIGHTNESS)) {
    Serial.println("panel: DMA buffers could not be allocated");
  }
#endif

#if SIGN_MQTT_USE_TLS
  g_net.setCACert(kSignCaPem);
#endif
  g_mqtt.setServer(SIGN_MQTT_HOST, SIGN_MQTT_PORT);
  g_mqtt.setCallback(OnMessage);
  g_mqtt.setBufferSize(kMqttBufferBytes);
  g_mqtt.setKeepAlive(kKeepAliveSeconds);
  g_mqtt.setSocketTimeout(kSocketTimeoutSeconds);

  WiFi.mode(WIFI_STA);
  WiFi.setAutoReconnect(true);
  WiFi.begin(SIGN_WIFI_SSID, SIGN_WIFI_PASSWORD);
  configTime(0, 0, SIGN_NTP_SERVER);
}

void loop() {
  esp_task_wdt_reset();
  const uint32_t now = millis();
  if (g_config_ok) {
    KeepConnected(now);
    if (g_connected && !g_mqtt.loop()) {
      MarkDisconnected();
    }
  }
  SetRelay(g_model.relay_on());
  LogChanges();
#if SIGN_HAS_MATRIX
  g_view.Draw(g_model.frame(), g_model.revision(), now);
  delay(30);
#else
  delay(50);
#endif
}
