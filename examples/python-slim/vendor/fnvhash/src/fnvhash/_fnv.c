/* FNV-1a, 64-bit: a tiny C extension, so building the wheel needs a compiler and Python headers. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

static PyObject *fnv1a_64(PyObject *self, PyObject *args) {
    Py_buffer buf;
    if (!PyArg_ParseTuple(args, "y*", &buf)) return NULL;
    uint64_t h = 0xcbf29ce484222325ULL;
    const unsigned char *p = buf.buf;
    for (Py_ssize_t i = 0; i < buf.len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    PyBuffer_Release(&buf);
    return PyLong_FromUnsignedLongLong(h);
}

static PyMethodDef methods[] = {
    {"fnv1a_64", fnv1a_64, METH_VARARGS, "FNV-1a 64-bit hash of a bytes-like object."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_fnv", NULL, -1, methods};

PyMODINIT_FUNC PyInit__fnv(void) { return PyModule_Create(&module); }
