/* Holds a file open as a PDF viewer does (read access, sharing reading only, so that no other
 * program may delete or replace it) until its standard input closes, for scripts/check-windows.sh:
 *
 *   hold-open.exe FILE     prints "held" once the file is open
 */
#include <stdio.h>
#include <windows.h>

int wmain(int argc, wchar_t **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: hold-open.exe FILE\n");
        return 2;
    }
    HANDLE file = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "hold-open: cannot open the file (error %lu)\n", GetLastError());
        return 1;
    }
    printf("held\n");
    fflush(stdout);
    while (getchar() != EOF) {
    }
    CloseHandle(file);
    return 0;
}
