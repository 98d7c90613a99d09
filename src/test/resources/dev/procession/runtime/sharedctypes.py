# What multiprocessing's Value and Array store and raise, one line per case:
# SharedCtypesTest runs this under python3 and compares its lines with those of the
# "python-table" case of SharedCtypesPrograms, which makes the same calls in Procession.
import multiprocessing as mp


def show(label, make):
    try:
        print(label, "->", repr(make()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def assign(target, value):
    target.value = value
    return target.value


def assign_item(array, index, value):
    array[index] = value
    return array[:]


def assign_slice(array, start, stop, values):
    array[start:stop] = values
    return array[:]


if __name__ == "__main__":
    show("i 4343", lambda: mp.Value("i", 4343).value)
    show("i 2**40", lambda: mp.Value("i", 2**40).value)
    show("i 2**31", lambda: mp.Value("i", 2**31).value)
    show("i True", lambda: mp.Value("i", True).value)
    show("i 1.5", lambda: mp.Value("i", 1.5).value)
    show("i 'a'", lambda: mp.Value("i", "a").value)
    show("i None", lambda: mp.Value("i", None).value)
    show("i default", lambda: mp.Value("i").value)
    show("b 300", lambda: mp.Value("b", 300).value)
    show("B -1", lambda: mp.Value("B", -1).value)
    show("h 70000", lambda: mp.Value("h", 70000).value)
    show("H -2", lambda: mp.Value("H", -2).value)
    show("I -1", lambda: mp.Value("I", -1).value)
    show("l 2**63", lambda: mp.Value("l", 2**63).value)
    show("l 2**64+5", lambda: mp.Value("l", 2**64 + 5).value)
    show("L -1", lambda: mp.Value("L", -1).value)
    show("q 2**33", lambda: mp.Value("q", 2**33).value)
    show("Q -1", lambda: mp.Value("Q", -1).value)
    show("d 3.625", lambda: mp.Value("d", 3.625).value)
    show("d 1", lambda: mp.Value("d", 1).value)
    show("d 'x'", lambda: mp.Value("d", "x").value)
    show("d 2**1100", lambda: mp.Value("d", 2**1100).value)
    show("d default", lambda: mp.Value("d").value)
    show("f 0.1", lambda: mp.Value("f", 0.1).value)
    show("f 1e300", lambda: mp.Value("f", 1e300).value)
    show("c b'x'", lambda: mp.Value("c", b"x").value)
    show("c 97", lambda: mp.Value("c", 97).value)
    show("c 256", lambda: mp.Value("c", 256).value)
    show("c b'ab'", lambda: mp.Value("c", b"ab").value)
    show("c 'a'", lambda: mp.Value("c", "a").value)
    show("c default", lambda: mp.Value("c").value)
    show("u 'x'", lambda: mp.Value("u", "x").value)
    show("u 'ab'", lambda: mp.Value("u", "ab").value)
    show("u b'a'", lambda: mp.Value("u", b"a").value)
    show("u 5", lambda: mp.Value("u", 5).value)
    show("set i 2**40", lambda: assign(mp.Value("i", 5), 2**40))
    show("set i 1.5", lambda: assign(mp.Value("i", 5), 1.5))
    show("set d 7", lambda: assign(mp.Value("d", 0.5), 7))
    show("lock=False get_lock", lambda: mp.Value("i", 5, lock=False).get_lock())
    show("lock=False value", lambda: mp.Value("i", 5, lock=False).value)
    show("lock='navalue'", lambda: mp.Value("i", 5, lock="navalue"))
    show("RawValue get_lock", lambda: mp.RawValue("d", 1).get_lock())
    show("Array i 3", lambda: mp.Array("i", 3)[:])
    show("Array i [1, 2, 3]", lambda: mp.Array("i", [1, 2, 3])[:])
    show("Array i (4, 5)", lambda: mp.Array("i", (4, 5))[:])
    show("Array i [2**40]", lambda: mp.Array("i", [2**40])[:])
    show("Array i [1, 2.5]", lambda: mp.Array("i", [1, 2.5]))
    show("Array i -1", lambda: mp.Array("i", -1))
    show("Array i 1.0", lambda: mp.Array("i", 1.0))
    show("Array i 2**70", lambda: mp.Array("i", 2**70))
    show("Array i 'abc'", lambda: mp.Array("i", "abc"))
    show("Array i b'ab'", lambda: mp.Array("i", b"ab")[:])
    show("Array d [1, 2.5]", lambda: mp.Array("d", [1, 2.5])[:])
    show("Array c b'hello'", lambda: mp.Array("c", b"hello")[:])
    show("Array c b'hello' [1]", lambda: mp.Array("c", b"hello")[1])
    show("Array c 3", lambda: mp.Array("c", 3)[:])
    show("Array u 'abc'", lambda: mp.Array("u", "abc")[:])
    show("Array i 0", lambda: mp.Array("i", 0)[:])
    show("Array [3]", lambda: mp.Array("i", [1, 2, 3])[3])
    show("Array [-1]", lambda: mp.Array("i", [1, 2, 3])[-1])
    show("Array [-4]", lambda: mp.Array("i", [1, 2, 3])[-4])
    show("Array [1:]", lambda: mp.Array("i", [1, 2, 3])[1:])
    show("Array [-2:]", lambda: mp.Array("i", [1, 2, 3])[-2:])
    show("Array [5:1]", lambda: mp.Array("i", [1, 2, 3])[5:1])
    show("Array [0] = 2**40", lambda: assign_item(mp.Array("i", 3), 0, 2**40 + 7))
    show("Array [5] = 1", lambda: assign_item(mp.Array("i", 3), 5, 1))
    show("Array [0] = 1.5", lambda: assign_item(mp.Array("i", 3), 0, 1.5))
    show("Array [0:2] = [7, 8]", lambda: assign_slice(mp.Array("i", 3), 0, 2, [7, 8]))
    show("Array [0:2] = [7]", lambda: assign_slice(mp.Array("i", 3), 0, 2, [7]))
    show("Array c [0] = 97", lambda: assign_item(mp.Array("c", b"hi"), 0, 97))
    show("Array lock=False get_lock", lambda: mp.Array("i", [1, 2], lock=False).get_lock())
    show("RawArray", lambda: mp.RawArray("i", [1, 2])[:])
