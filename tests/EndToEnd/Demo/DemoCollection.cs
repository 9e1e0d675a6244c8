namespace LiveRoom.EndToEnd.Demo;

/// <summary>Demo runs one at a time: two full stacks (3 encoders, 3 edges each) at once would starve a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoCollection
{
    public const string Name = "demo";
}
