"""Plain Python classes that .NET records marked [PickleClass("pickler_typed", ...)] stand for
(tests/PyStd.Tests/Pickle/PicklerTypedTests.cs): attributes assigned in __init__ in the order the
.NET type declares its members, under their snake_case names."""


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Address:
    def __init__(self, street, city):
        self.street = street
        self.city = city


class Person:
    def __init__(self, full_name, age, tags, home, birthday, scores, path, is_active, nickname=None):
        self.full_name = full_name
        self.age = age
        self.tags = tags
        self.home = home
        self.birthday = birthday
        self.scores = scores
        self.path = path
        self.is_active = is_active
        self.nickname = nickname


class Empty:
    pass
