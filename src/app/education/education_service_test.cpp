// Education (R-EDU-1) on a fresh demo database (2026-11-26): sessions with attendees from the
// caller's scope, talks, the 教育 section of the file, the calendar and the targeted task.
#include <gtest/gtest.h>

#include "app/test_support.hpp"

namespace anbang::app {
namespace {

EducationSessionInput session(std::vector<std::int64_t> persons, const std::string& on = "2026-11-20") {
  EducationSessionInput in;
  in.held_on = on;
  in.kind = "legal";
  in.topic = "宪法宣传周法治讲座";
  in.speaker = "司法所张所长";
  for (auto p : persons) in.attendees.push_back({p, true});
  return in;
}

const PersonTask* task_of(const EducationTasks& t, const std::string& key) {
  for (const auto& pt : t.tasks) {
    if (pt.task.key == key) return &pt;
  }
  return nullptr;
}

}  // namespace

TEST(EducationService, R_EDU_1_SessionWithAttendeesAppearsOnEachFile) {
  TestWorld w(30);
  AuthedCtx sfs = w.login("qu_abb");  // the district office reaches every person
  auto a = w.released_in("500153001");
  std::int64_t b = w.scalar("SELECT MAX(id) FROM persons WHERE id <> ?", {a.id});
  ASSERT_GT(b, 0);
  auto entries = [&](std::int64_t person, const char* code) {
    return w.scalar("SELECT COUNT(*) FROM person_events WHERE person_id = ? AND kind = 'education' AND code = ?",
                    {person, std::string(code)});
  };
  const std::int64_t a_before = entries(a.id, "education.session"), b_before = entries(b, "education.session_absent");
  EducationSessionInput in = session({a.id, b});
  in.attendees[1].attended = false;
  auto id = w.app->education.record_session(sfs, in);
  ASSERT_TRUE(id.ok()) << id.error().code << " " << id.error().message;
  auto file = w.app->education.person_education(sfs, a.id);
  ASSERT_TRUE(file.ok());
  bool found = false;
  for (const auto& s : file->pending().sessions) {
    if (s.id == *id) {
      found = true;
      ASSERT_EQ(s.attendance.size(), 1u);
      EXPECT_TRUE(s.attendance[0].attended);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(entries(a.id, "education.session"), a_before + 1);  // the demo's sessions are there too
  EXPECT_EQ(entries(b, "education.session_absent"), b_before + 1);
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'education_session' AND username = 'qu_abb'"), 2);
}

TEST(EducationService, R_EDU_1_AttendeesOnlyFromTheCallersScope) {
  TestWorld w(30);
  auto other = w.released_in("500153101");
  auto own = w.released_in("500153001");
  std::int64_t before = w.scalar("SELECT COUNT(*) FROM education_sessions");
  auto r = w.app->education.record_session(w.login("sfs_001"), session({own.id, other.id}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "PERSON_NOT_FOUND");
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM education_sessions"), before);  // nothing kept
  EXPECT_EQ(w.app->education.record_session(w.login("sfs_001"), session({})).error().code, "ATTENDEES_REQUIRED");
  EXPECT_EQ(w.app->education.record_session(w.login("sfs_001"), session({own.id, own.id})).error().code,
            "ATTENDEE_DUPLICATE");
  EducationSessionInput moral = session({own.id});
  moral.kind = "moral";
  moral.targeted = true;
  EXPECT_EQ(w.app->education.record_session(w.login("sfs_001"), moral).error().code, "TARGETED_NOT_LEGAL");
  EXPECT_EQ(w.app->education.record_session(w.login("pcs_001"), session({own.id})).error().code, "PERMISSION_DENIED");
}

TEST(EducationService, R_EDU_1_TalkIsOnTheFile) {
  TestWorld w(30);
  auto p = w.released_in("500153001");
  AuthedCtx cj = w.login("sfs_001");
  auto id = w.app->education.record_talk(cj, p.id, {"2026-11-25", "司法所李干事", "就业打算", "谈了外出务工的想法"});
  ASSERT_TRUE(id.ok()) << id.error().code;
  auto file = w.app->education.person_education(cj, p.id);
  ASSERT_TRUE(file.ok());
  ASSERT_FALSE(file->pending().talks.empty());
  EXPECT_EQ(file->pending().talks.front().topic, "就业打算");
  EXPECT_EQ(w.app->education.record_talk(w.login("sfs_101"), p.id, {"2026-11-25", "某", "题", ""}).error().code,
            "PERSON_NOT_FOUND");
  EXPECT_EQ(w.app->education.record_talk(cj, p.id, {"2026-11-25", "", "题", ""}).error().field, "talked_by");
}

TEST(EducationService, R_EDU_1_TargetedSessionClosesTheTownshipsTask) {
  TestWorld w(30);
  AuthedCtx admin = w.login("admin");
  // The units were created on the test's today: an event after it is owed.
  auto ev = w.app->education.create_event(admin, {"测试重大活动", "major_event", "2026-12-05", "2026-12-06"});
  ASSERT_TRUE(ev.ok()) << ev.error().code;
  const std::string key = "R-EDU-1/event-" + std::to_string(*ev);
  auto before = w.app->education.tasks(w.login("zj_001"));
  ASSERT_TRUE(before.ok());
  const PersonTask* open = task_of(*before, key);
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->task.state, rules::State::open);
  EXPECT_EQ(domain::to_string(open->task.due), "2026-12-04");
  // The judicial office's targeted legal session counts for its township.
  auto p = w.released_in("500153001");
  EducationSessionInput in = session({p.id}, "2026-11-26");
  in.event_id = *ev;
  ASSERT_TRUE(w.app->education.record_session(w.login("sfs_001"), in).ok());
  auto after = w.app->education.tasks(w.login("zj_001"));
  ASSERT_TRUE(after.ok());
  const PersonTask* done = task_of(*after, key);
  ASSERT_NE(done, nullptr);
  EXPECT_EQ(done->task.state, rules::State::done);
  // Another township still owes it; a village owes none.
  auto other = w.app->education.tasks(w.login("zj_101"));
  ASSERT_TRUE(other.ok());
  ASSERT_NE(task_of(*other, key), nullptr);
  EXPECT_EQ(task_of(*other, key)->task.state, rules::State::open);
  auto village = w.app->education.tasks(w.login("cj_001_001"));
  ASSERT_TRUE(village.ok());
  EXPECT_TRUE(village->tasks.empty());
}

TEST(EducationService, R_EDU_1_CalendarIsKeptWithPolicyManageAndOnRecord) {
  TestWorld w(10);
  EXPECT_EQ(w.app->education.create_event(w.login("qu_abb"), {"春节", "holiday", "2027-02-06", "2027-02-12"}).error().code,
            "PERMISSION_DENIED");
  AuthedCtx admin = w.login("admin");
  EXPECT_EQ(w.app->education.create_event(admin, {"春节", "holiday", "2027-02-06", "2027-02-01"}).error().code,
            "DATE_ORDER");
  EXPECT_EQ(w.app->education.create_event(admin, {"春节", "party", "2027-02-06", "2027-02-12"}).error().field, "kind");
  auto id = w.app->education.create_event(admin, {"测试节日", "holiday", "2027-03-06", "2027-03-12"});
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(w.app->education.update_event(admin, *id, {"测试节日", "holiday", "2027-03-07", "2027-03-12"}).ok());
  ASSERT_TRUE(w.app->education.delete_event(admin, *id).ok());
  EXPECT_EQ(w.scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'education_event_%' AND username = 'admin'"), 3);
  auto seen = w.app->education.events(w.login("zj_001"));
  ASSERT_TRUE(seen.ok());
}

}  // namespace anbang::app
