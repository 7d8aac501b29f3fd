/**
 * GLSL for the arc layer (WebGL2). Geometry is static; everything that changes with the year
 * comes from two data textures read with texelFetch by arc slot:
 *   u_dynamic  (per window)  r = width in CSS px (0 = not drawn), g = time it appeared (ms),
 *                            b = highlighted (selection), a = unused
 *   u_static   (per dataset) r = category index, g = domestic flag, b = length in Mercator units
 * Widths are extruded here, in pixels, because WebGL lines are 1 px wide on most GPUs.
 */

/** Texels per row of the data textures; 2048 is WebGL2's guaranteed minimum MAX_TEXTURE_SIZE. */
export const DATA_TEXTURE_WIDTH = 2048;
/** How long an arc takes to grow from its Chinese end to its partner (ms). */
export const GROW_MS = 600;

export const ARC_VERTEX_SHADER = /* glsl */ `#version 300 es
precision highp float;
precision highp int;

layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_tan;
layout(location = 2) in float a_t;
layout(location = 3) in vec2 a_shape;  // x: side (-1, 0, 1), y: role (0 body, 1 arrowhead)
layout(location = 4) in uint a_arc;

uniform mat4 u_matrix;
uniform vec2 u_viewport;     // drawing buffer, device px
uniform float u_px_ratio;    // device px per CSS px
uniform float u_world_px;    // world width, CSS px
uniform float u_wrap;        // world copy (Mercator x offset)
uniform float u_now;         // ms, same clock as the appear times
uniform int u_pass;          // 0: every arc; 1: highlighted arcs again, on top
uniform bool u_has_highlight;
uniform highp sampler2D u_dynamic;
uniform highp sampler2D u_static;
uniform vec3 u_colors[${8}];

out vec3 v_color;
out float v_t;
out float v_across;
out float v_half;
out float v_along_px;
out float v_to_end_px;
out float v_head_len;
out float v_progress;
out float v_role;
out float v_domestic;
out float v_opacity;

const int TEX_W = ${DATA_TEXTURE_WIDTH};
const float AA = 1.0;  // px of feathering outside each edge

void hide() {
  gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: the triangle is dropped
}

void main() {
  ivec2 texel = ivec2(int(a_arc) % TEX_W, int(a_arc) / TEX_W);
  vec4 dyn = texelFetch(u_dynamic, texel, 0);
  vec4 st = texelFetch(u_static, texel, 0);
  float width = dyn.r;
  bool highlighted = dyn.b > 0.5;
  if (width <= 0.0 || (u_pass == 1 && !highlighted)) { hide(); return; }

  float progress = clamp((u_now - dyn.g) / ${GROW_MS.toFixed(1)}, 0.0, 1.0);
  progress = 1.0 - pow(1.0 - progress, 3.0);  // ease out: fast start, gentle arrival
  bool head = a_shape.y > 0.5;
  if (head && progress < 1.0) { hide(); return; }

  bool domestic = st.g > 0.5;
  if (u_pass == 1) width += 2.0;
  float halfW = 0.5 * width;
  float lenPx = st.b * u_world_px;
  // The arrowhead grows with the arc's width but never eats more than a third of a short arc.
  float headLen = min(5.0 + 1.6 * width, lenPx * 0.35);
  float headHalf = min(halfW + 2.5 + 0.3 * width, headLen * 0.9);

  vec4 clip = u_matrix * vec4(a_pos.x + u_wrap, a_pos.y, 0.0, 1.0);
  vec4 ahead = u_matrix * vec4(a_pos.x + u_wrap + a_tan.x * 1e-3, a_pos.y + a_tan.y * 1e-3, 0.0, 1.0);
  vec2 halfVp = 0.5 * u_viewport;
  vec2 dir = normalize(ahead.xy / ahead.w * halfVp - clip.xy / clip.w * halfVp);
  vec2 normal = vec2(-dir.y, dir.x);

  vec2 offsetPx;
  if (!head) {
    v_across = a_shape.x * (halfW + AA);
    offsetPx = normal * v_across;
  } else if (a_shape.x == 0.0) {
    v_across = 0.0;
    offsetPx = vec2(0.0);
  } else {
    v_across = a_shape.x * headHalf;
    offsetPx = -dir * headLen + normal * v_across;
  }
  clip.xy += offsetPx * u_px_ratio / halfVp * clip.w;
  gl_Position = clip;

  int category = int(st.r + 0.5);
  v_color = u_colors[category];
  v_t = a_t;
  v_half = head ? 1e3 : halfW;
  v_along_px = a_t * lenPx;
  v_to_end_px = (1.0 - a_t) * lenPx;
  v_head_len = headLen;
  v_progress = progress;
  v_role = head ? 1.0 : 0.0;
  v_domestic = domestic ? 1.0 : 0.0;
  v_opacity = (u_has_highlight && u_pass == 0 && !highlighted) ? 0.22 : 1.0;
}
`;

export const ARC_FRAGMENT_SHADER = /* glsl */ `#version 300 es
precision highp float;

in vec3 v_color;
in float v_t;
in float v_across;
in float v_half;
in float v_along_px;
in float v_to_end_px;
in float v_head_len;
in float v_progress;
in float v_role;
in float v_domestic;
in float v_opacity;

out vec4 fragColor;

void main() {
  // Grow-in: only the part of the arc the animation has reached is drawn.
  if (v_t > v_progress + 1e-4) discard;
  bool head = v_role > 0.5;
  // Where the arrowhead sits, the body stops, so the two do not add up to a dark blot.
  if (!head && v_progress >= 1.0 && v_to_end_px < 0.7 * v_head_len) discard;
  // Domestic links: dashed, so they never read as international ties.
  if (!head && v_domestic > 0.5 && mod(v_along_px, 9.0) > 5.5) discard;
  float edge = head ? 1.0 : clamp(v_half + 0.5 - abs(v_across), 0.0, 1.0);
  // Direction: faint at the Chinese end, strong at the partner's.
  float ramp = mix(0.2, 0.95, smoothstep(0.0, 1.0, v_t));
  float alpha = edge * (head ? 0.95 : ramp) * v_opacity;
  fragColor = vec4(v_color * alpha, alpha);  // premultiplied, as MapLibre blends
}
`;
