namespace PyStd.Tests.Subprocess;

/// <summary>
/// The leak tests count this process's descriptors and children, so nothing else may run beside them
/// (other tests' python3 runs and pipes would show up in the counts).
/// </summary>
[CollectionDefinition("Descriptor counts", DisableParallelization = true)]
public sealed class DescriptorCountsCollection;
