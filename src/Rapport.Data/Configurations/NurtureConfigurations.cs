using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Domain.Contacts;
using Rapport.Domain.Feeds;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Plan;

namespace Rapport.Data.Configurations;

internal sealed class ContactStatsConfiguration : IEntityTypeConfiguration<ContactStats>
{
    public void Configure(EntityTypeBuilder<ContactStats> b)
    {
        b.ToTable("ContactStats");
        b.HasKey(e => e.ContactId);
        b.Property(e => e.ContactId).ValueGeneratedNever();
        b.Property(e => e.RecentLog).HasMaxLength(8 * 400);
        b.HasOne<Contact>().WithOne().HasForeignKey<ContactStats>(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanItemStateConfiguration : IEntityTypeConfiguration<PlanItemState>
{
    public void Configure(EntityTypeBuilder<PlanItemState> b)
    {
        b.ToTable("PlanItemStates");
        b.HasKey(e => new { e.AccountId, e.ItemKey });
        b.Property(e => e.ItemKey).HasMaxLength(16);
        b.HasIndex(e => e.ContactId);
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedTokenConfiguration : IEntityTypeConfiguration<FeedToken>
{
    public void Configure(EntityTypeBuilder<FeedToken> b)
    {
        b.Property(e => e.TokenHash).HasMaxLength(64);
        b.Property(e => e.Label).HasMaxLength(100);
        b.HasIndex(e => e.TokenHash).IsUnique();
    }
}

internal sealed class ContactMergeConfiguration : IEntityTypeConfiguration<ContactMerge>
{
    public void Configure(EntityTypeBuilder<ContactMerge> b)
    {
        b.Property(e => e.Snapshot).HasColumnType("text");
        b.HasIndex(e => new { e.AccountId, e.SurvivorId });
    }
}
