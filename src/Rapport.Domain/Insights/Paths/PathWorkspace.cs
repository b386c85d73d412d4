namespace Rapport.Domain.Insights.Paths;

/// <summary>
/// Reusable scratch arrays for one search, so that a query allocates nothing per contact. Entries are
/// valid only when their stamp equals the current run; starting a run is O(1).
/// </summary>
internal sealed class PathWorkspace
{
    public PathWorkspace(int nodeCount)
    {
        NodeCount = nodeCount;
        BannedStamp = new int[nodeCount];
        TargetStamp = new int[nodeCount];
        SpurStamp = new int[nodeCount];
        SpurStrength = new float[nodeCount];
    }

    public int NodeCount { get; }

    /// <summary>Best[r][v]: the best product of strengths from v to a target in at most r hops.</summary>
    public float[][] Best { get; private set; } = [];

    /// <summary>Next[r][v]: the next contact on that best chain, −1 when v is a target.</summary>
    public int[][] Next { get; private set; } = [];

    /// <summary>LayerStamp[r][v] == Run when Best[r][v] improved on Best[r−1][v] in this run.</summary>
    public int[][] LayerStamp { get; private set; } = [];

    public int[] BannedStamp { get; }
    public int[] TargetStamp { get; }

    /// <summary>SpurStamp[v] == Run marks v as reachable from the spur contact (or, from you, as a banned first hop).</summary>
    public int[] SpurStamp { get; }

    /// <summary>The strength of the link from the spur contact to v, valid where SpurStamp is set.</summary>
    public float[] SpurStrength { get; }

    public List<int> Frontier { get; } = [];
    public List<int> NextFrontier { get; } = [];
    public float[] SortKeys { get; set; } = [];
    public int Run { get; private set; }
    public int Query { get; private set; }

    public void EnsureLayers(int layers)
    {
        if (Best.Length >= layers) return;
        var best = new float[layers][];
        var next = new int[layers][];
        var stamp = new int[layers][];
        for (var r = 0; r < layers; r++)
        {
            best[r] = r < Best.Length ? Best[r] : new float[NodeCount];
            next[r] = r < Next.Length ? Next[r] : new int[NodeCount];
            stamp[r] = r < LayerStamp.Length ? LayerStamp[r] : new int[NodeCount];
        }
        Best = best;
        Next = next;
        LayerStamp = stamp;
        // New layers start at stamp 0; runs are always above 0, so they read as empty.
    }

    public void StartQuery()
    {
        if (Query == int.MaxValue)
        {
            Array.Clear(TargetStamp);
            Query = 0;
        }
        Query++;
    }

    public void StartRun()
    {
        if (Run == int.MaxValue)
        {
            Array.Clear(BannedStamp);
            Array.Clear(SpurStamp);
            foreach (var layer in LayerStamp) Array.Clear(layer);
            Run = 0;
        }
        Run++;
    }
}
