/*
 * The native half of dev.portolan.web.Gzip: raw DEFLATE (RFC 1951) through libdeflate, which
 * compresses web pages about twice as fast as zlib at the same size. The Java half writes the
 * gzip header and trailer, so both compressors frame their output the same way.
 *
 * Each compressor belongs to one Java thread at a time; the Java side guarantees it.
 */
#include <jni.h>
#include <stdint.h>
#include <libdeflate.h>

JNIEXPORT jlong JNICALL
Java_dev_portolan_web_Gzip_00024Native_alloc(JNIEnv *env, jclass cls, jint level)
{
    (void) env;
    (void) cls;
    return (jlong) (intptr_t) libdeflate_alloc_compressor(level);
}

JNIEXPORT void JNICALL
Java_dev_portolan_web_Gzip_00024Native_free(JNIEnv *env, jclass cls, jlong handle)
{
    (void) env;
    (void) cls;
    libdeflate_free_compressor((struct libdeflate_compressor *) (intptr_t) handle);
}

JNIEXPORT jint JNICALL
Java_dev_portolan_web_Gzip_00024Native_bound(JNIEnv *env, jclass cls, jlong handle, jint length)
{
    (void) env;
    (void) cls;
    size_t bound = libdeflate_deflate_compress_bound(
            (struct libdeflate_compressor *) (intptr_t) handle, (size_t) length);
    return bound > INT32_MAX ? -1 : (jint) bound;
}

/*
 * Compresses in[0, inLength) into out[outOffset, outOffset + outLength). Returns the compressed
 * size, 0 if it did not fit, -1 if the JVM could not pin an array.
 */
JNIEXPORT jint JNICALL
Java_dev_portolan_web_Gzip_00024Native_compress(JNIEnv *env, jclass cls, jlong handle,
        jbyteArray in, jint inLength, jbyteArray out, jint outOffset, jint outLength)
{
    (void) cls;
    jbyte *src = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
    if (src == NULL) {
        return -1;
    }
    jbyte *dst = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
    if (dst == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
        return -1;
    }
    size_t n = libdeflate_deflate_compress((struct libdeflate_compressor *) (intptr_t) handle,
            src, (size_t) inLength, dst + outOffset, (size_t) outLength);
    (*env)->ReleasePrimitiveArrayCritical(env, out, dst, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
    return (jint) n;
}
