package ai.minimind.engine.tensor;

/** Widening of 16-bit floats to float32 in Java (BF16 must never reach libtorch: djl-pitfalls.md trap 3). */
final class HalfFloats {
    private HalfFloats() {
    }

    /** bfloat16 is the top half of a float32: widening is a shift. */
    static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** IEEE binary16 (1 sign, 5 exponent bits with bias 15, 10 mantissa bits) to float32, exactly. */
    static float f16ToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));  // inf or NaN
        }
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f;                                  // mantissa * 2^-24
            return sign != 0 ? -subnormal : subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13)); // rebias 15 -> 127
    }
}
