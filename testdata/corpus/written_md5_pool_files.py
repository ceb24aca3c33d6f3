# source: none: written for gilscope in the style of brysonvb/py_projects's algorithms/process_md5.py (https://github.com/brysonvb/py_projects/blob/e179b7d5c8d72ea55b2baff6c2f794019f7d08e9/algorithms/process_md5.py), which hashes every file of a directory many times over with a ThreadPoolExecutor; it makes its own files, as the original reads a directory of the author's (the original could not be taken verbatim)
# compare: exact
# mask: Total time \d+\.\d+
""" hashing files with a thread pool """
import concurrent.futures
import hashlib
import os
import time

WORK_DIR = "md5_pool_files"


def make_files(target_dir):
    """ write a few files of different sizes """
    os.makedirs(target_dir, exist_ok=True)
    for i in range(6):
        with open(os.path.join(target_dir, f"part{i}.dat"), "wb") as out:
            out.write(bytes([65 + i]) * (1000 * (i + 1)))


def get_files(target_dir):
    """ get file list """
    return sorted(os.listdir(target_dir))


def make_full_path(file_list, work_dir):
    """ every file, three times over """
    files = []
    for _ in range(3):
        for target_file in file_list:
            files.append(os.path.join(work_dir, target_file))
    return files


def get_hash(target_file):
    """ md5 of a file's content """
    with open(target_file, "rb") as file_to_hash:
        file_content = file_to_hash.read()
    return hashlib.md5(file_content).hexdigest()


def main():
    make_files(WORK_DIR)
    start = time.perf_counter()
    files = get_files(WORK_DIR)
    files_full_path = make_full_path(files, WORK_DIR)
    with concurrent.futures.ThreadPoolExecutor() as execpool:
        hashes = list(execpool.map(get_hash, files_full_path))
    end = time.perf_counter()
    for path, digest in zip(files_full_path[:len(files)], hashes):
        print(os.path.basename(path), os.path.getsize(path), digest)
    print("all copies agree:", hashes[:len(files)] * 3 == hashes)
    print(f"Total time {end - start:.4f}")
    for name in files:
        os.remove(os.path.join(WORK_DIR, name))
    os.rmdir(WORK_DIR)


if __name__ == "__main__":
    main()
