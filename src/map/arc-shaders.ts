/**
 * GLSL for the arc layer (WebGL2). Geometry and each arc's static data are uploaded once; per
 * window step only the counts texture changes (one texel an arc, packed on the CPU: see
 * arc-data.ts). Per arc slot the shader reads
 *   u_static     (per dataset, RGBA32F) category, domestic flag, length;
 *   u_counts     (per step, RGBA32F) links certain in the window, the other links it draws
 *                (possible; undated and planned when included), and the links drawn in the
 *                previous window and the one before it;
 *   u_highlight  (per selection, R8) 1 = highlighted.
 * An arc with certain links is drawn solid, its width arcWidth (scales.ts) of the certain count.
 * One with no certain link but some other drawn links is drawn *possible*: fainter and dashed
 * along its length, its width arcWidth of that count (the same rule as arcLook in arc-data.ts).
 * Nothing drawn → not drawn. Arcs with nothing drawn in the previous window grow in from the
 * time of the change (and those with nothing one window earlier keep growing from theirs, so
 * quick steps do not cut an animation short): the same rule as arcAppearTime in arc-data.ts.
 * Widths are extruded here, in pixels, because WebGL lines are 1 px wide on most GPUs.
 */
import { ARC_COUNTS, ARC_STATIC, DATA_TEXTURE_WIDTH, GROW_MS } from './arc-data.ts';
import { ARC_MAX_WIDTH, ARC_MIN_WIDTH } from './scales.ts';
import { glslFloat } from './gl-util.ts';

const xyzw = (i: number) => 'xyzw'[i] as string;
/** How much of a possible arc's alpha is kept (the dashes also leave out ~40 % of its length). */
export const POSSIBLE_ALPHA = 0.6;

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
uniform float u_now;         // ms, same clock as the change times
uniform int u_pass;          // 0: every arc; 1: highlighted arcs again, on top
uniform bool u_has_highlight;
uniform highp sampler2D u_static;
uniform highp sampler2D u_counts;
uniform highp sampler2D u_highlight;
uniform vec3 u_colors[${8}];
uniform float u_changed;       // ms: when the previous window became the one shown (far past: no animation)
uniform float u_prev_changed;  // ms: when the one before became the previous one
uniform float u_width_ref;     // count drawn at the maximum width (arcWidthReference)

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
out float v_possible;
out float v_dash;
out float v_opacity;

const int TEX_W = ${DATA_TEXTURE_WIDTH};
const float AA = 1.0;  // px of feathering outside each edge
const float GROW = ${GROW_MS.toFixed(1)};

void hide() {
  gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: the triangle is dropped
}

void main() {
  int arc = int(a_arc);
  ivec2 texel = ivec2(arc % TEX_W, arc / TEX_W);
  vec4 counts = texelFetch(u_counts, texel, 0);
  vec4 info = texelFetch(u_static, texel, 0);
  float certain = counts.${xyzw(ARC_COUNTS.certain)};
  float other = counts.${xyzw(ARC_COUNTS.other)};
  // arcLook() of arc-data.ts: certain links set the width; with none, the other drawn links do.
  bool possible = certain <= 0.0;
  float count = possible ? other : certain;
  bool highlighted = texelFetch(u_highlight, texel, 0).r > 0.5;
  if (count <= 0.0 || (u_pass == 1 && !highlighted)) { hide(); return; }
  // arcWidth() of scales.ts.
  float width = min(${glslFloat(ARC_MAX_WIDTH)}, ${glslFloat(ARC_MIN_WIDTH)} + ${glslFloat(ARC_MAX_WIDTH - ARC_MIN_WIDTH)} * sqrt(count / u_width_ref));

  // Grow-in: from the change that took the arc from nothing drawn to something (or drawn at once).
  float appeared = -1e9;
  if (u_now - u_changed < GROW) {
    if (counts.${xyzw(ARC_COUNTS.prev)} <= 0.0) appeared = u_changed;
    else if (u_now - u_prev_changed < GROW && counts.${xyzw(ARC_COUNTS.prev2)} <= 0.0) appeared = u_prev_changed;
  }
  float progress = clamp((u_now - appeared) / GROW, 0.0, 1.0);
  progress = 1.0 - pow(1.0 - progress, 3.0);  // ease out: fast start, gentle arrival
  bool head = a_shape.y > 0.5;
  if (head && progress < 1.0) { hide(); return; }

  bool domestic = info.${xyzw(ARC_STATIC.domestic)} > 0.5;
  if (u_pass == 1) width += 2.0;
  float halfW = 0.5 * width;
  float lenPx = info.${xyzw(ARC_STATIC.length)} * u_world_px;
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

  int category = int(info.${xyzw(ARC_STATIC.category)} + 0.5);
  v_color = u_colors[category];
  v_t = a_t;
  v_half = head ? 1e3 : halfW;
  v_along_px = a_t * lenPx;
  v_to_end_px = (1.0 - a_t) * lenPx;
  v_head_len = headLen;
  v_progress = progress;
  v_role = head ? 1.0 : 0.0;
  v_domestic = domestic ? 1.0 : 0.0;
  v_possible = possible ? 1.0 : 0.0;
  // Dashes of a possible arc: longer on wider arcs, so they still read as dashes, not stripes.
  v_dash = 6.0 + 1.6 * width;
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
in float v_possible;
in float v_dash;
in float v_opacity;

out vec4 fragColor;

void main() {
  // Grow-in: only the part of the arc the animation has reached is drawn.
  if (v_t > v_progress + 1e-4) discard;
  bool head = v_role > 0.5;
  bool possible = v_possible > 0.5;
  // Where the arrowhead sits, the body stops, so the two do not add up to a dark blot.
  if (!head && v_progress >= 1.0 && v_to_end_px < 0.7 * v_head_len) discard;
  float edge = head ? 1.0 : clamp(v_half + 0.5 - abs(v_across), 0.0, 1.0);
  if (!head && possible) {
    // Possible links only: dashes (on 55 %, gap 45 %) from the Chinese end, each end softened by 0.5 px.
    float p = mod(v_along_px, v_dash);
    edge *= clamp(min(p, 0.55 * v_dash - p) + 0.5, 0.0, 1.0);
    if (edge <= 0.0) discard;
  } else if (!head && v_domestic > 0.5 && mod(v_along_px, 9.0) > 5.5) {
    // Domestic links: dashed, so they never read as international ties.
    discard;
  }
  // Direction: faint at the Chinese end, strong at the partner's.
  float ramp = mix(0.2, 0.95, smoothstep(0.0, 1.0, v_t));
  // Possible links: fainter, and with a flatter ramp, so their Chinese end does not vanish.
  float strength = possible ? ${glslFloat(POSSIBLE_ALPHA)} * (head ? 0.95 : mix(0.45, 0.95, smoothstep(0.0, 1.0, v_t))) : (head ? 0.95 : ramp);
  float alpha = edge * strength * v_opacity;
  fragColor = vec4(v_color * alpha, alpha);  // premultiplied, as MapLibre blends
}
`;
