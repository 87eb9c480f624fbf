System.Console.WriteLine(PyStd.Objects.PyRepr.Repr(new PyStd.Objects.PyTuple(1L, 2L)));
return 0;
