using Rapport.Formats.Csv;

namespace Rapport.Formats.LinkedIn;

/// <summary>The CSV files of a LinkedIn archive this reader understands, told apart by their header.</summary>
public enum LinkedInFileKind
{
    /// <summary>Not a file this reader uses.</summary>
    Unknown,
    /// <summary>Connections.csv, any period.</summary>
    Connections,
    /// <summary>messages.csv (2019 onwards, upper-case header).</summary>
    Messages,
    /// <summary>Messages.csv of 2018 (From,To,Date,Subject,Content,Direction,Folder).</summary>
    LegacyMessages,
    /// <summary>Invitations.csv.</summary>
    Invitations,
    /// <summary>Endorsement_Received_Info.csv.</summary>
    EndorsementsReceived,
    /// <summary>Endorsement_Given_Info.csv.</summary>
    EndorsementsGiven,
    /// <summary>Recommendations_Received.csv.</summary>
    RecommendationsReceived,
    /// <summary>Recommendations_Given.csv (same header as received; told apart by the file name).</summary>
    RecommendationsGiven,
    /// <summary>Positions.csv.</summary>
    Positions,
    /// <summary>Profile.csv.</summary>
    Profile,
}

/// <summary>Tells LinkedIn files apart by header (names only settle what headers cannot).</summary>
public static class LinkedInFiles
{
    /// <summary>The kind of a LinkedIn CSV from its header; the file name only splits given from received recommendations.</summary>
    public static LinkedInFileKind Identify(CsvHeader header, string fileName)
    {
        if (header.HasAll("Connected On", "First Name", "Last Name")) return LinkedInFileKind.Connections;
        if (header.HasAll("CONVERSATION ID", "FROM", "DATE", "CONTENT")) return LinkedInFileKind.Messages;
        if (header.HasAll("From", "To", "Sent At", "Direction")) return LinkedInFileKind.Invitations;
        if (header.HasAll("From", "To", "Date", "Content", "Direction")) return LinkedInFileKind.LegacyMessages;
        if (header.HasAll("Endorsement Date", "Skill Name", "Endorser First Name")) return LinkedInFileKind.EndorsementsReceived;
        if (header.HasAll("Endorsement Date", "Skill Name", "Endorsee First Name")) return LinkedInFileKind.EndorsementsGiven;
        if (header.HasAll("First Name", "Last Name", "Text", "Creation Date"))
            return Path.GetFileName(fileName).Contains("given", StringComparison.OrdinalIgnoreCase)
                ? LinkedInFileKind.RecommendationsGiven : LinkedInFileKind.RecommendationsReceived;
        if (header.HasAll("Company Name", "Title", "Started On")) return LinkedInFileKind.Positions;
        if (header.HasAll("First Name", "Last Name", "Headline")) return LinkedInFileKind.Profile;
        return LinkedInFileKind.Unknown;
    }

    /// <summary>Files whose header is that of messages but that hold no person-to-person conversation.</summary>
    internal static bool IsSystemMessages(string fileName)
    {
        var name = Path.GetFileName(fileName);
        return name.StartsWith("guide_messages", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("learning_role_play_messages", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("learning_coach_messages", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>File names of the kinds this reader reads, to refuse them clearly when they are not CSV (an XLSX in disguise).</summary>
    internal static bool IsWantedName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        return name is "connections" or "messages" or "invitations" or "endorsement_received_info" or "endorsement_given_info"
            or "recommendations_received" or "recommendations_given" or "positions" or "profile";
    }
}
